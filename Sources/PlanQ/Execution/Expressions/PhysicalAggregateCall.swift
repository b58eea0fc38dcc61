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
    /// `string_agg`'s separator.
    public var separator: String

    /// A call of `function` on `args` giving `type`.
    public init(function: AggregateFunction, args: [PhysicalExpr], fraction: Double = 0.5, type: DataType, separator: String = "") {
        self.function = function
        self.args = args
        self.fraction = fraction
        self.type = type
        self.separator = separator
    }

    /// Whether the result depends on the order rows arrive in (`string_agg`):
    /// such an aggregate runs on one thread, in row order.
    public var isOrderSensitive: Bool { function == .string_agg }
}
