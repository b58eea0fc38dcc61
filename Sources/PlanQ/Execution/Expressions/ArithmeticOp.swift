/// The arithmetic operators the kernels implement (Execution's own, not the parser's).
public enum ArithmeticOp: String, Sendable, CaseIterable {
    case add = "+", sub = "-", mul = "*", div = "/", intDiv = "//", mod = "%"
}
