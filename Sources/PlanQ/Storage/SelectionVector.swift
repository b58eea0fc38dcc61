/// Row positions within a batch that survive a filter, in ascending order.
public typealias SelectionVector = ContiguousArray<UInt32>
