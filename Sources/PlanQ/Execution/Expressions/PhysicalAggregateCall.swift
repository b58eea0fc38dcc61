/// One aggregate an ``Aggregate`` operator computes, with arguments lowered to
/// ``PhysicalExpr``s over the operator's input.
public struct PhysicalAggregateCall: Sendable {
    public var function: AggregateFunction
    /// Argument expressions (empty for `count()` and `share()`).
    public var args: [PhysicalExpr]
    /// `percentile`'s fraction in 0...1.
    public var fraction: Double
    /// The result type.
    public var type: DataType

    /// A call of `function` on `args` giving `type`.
    public init(function: AggregateFunction, args: [PhysicalExpr], fraction: Double = 0.5, type: DataType) {
        self.function = function
        self.args = args
        self.fraction = fraction
        self.type = type
    }
}
