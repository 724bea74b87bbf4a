/// Names of the files in a data directory.
public enum DataLayout {
    public static let manifest = "sanbao.json"
}
