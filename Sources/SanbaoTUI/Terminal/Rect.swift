/// A rectangle of the canvas a screen may draw in.
public struct Rect: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var rows: Int
    public var columns: Int
}
