// swift-tools-version: 6.0
// Sanbao (三保): a terminal app for village cadres tracking paired households against
// Gansu's six exit indicators. Dependencies point one way:
// sanbao (executable) → SanbaoTUI → SanbaoStore → SanbaoCore.
import PackageDescription

let package = Package(
    name: "Sanbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sanbao", targets: ["sanbao"]),
        .library(name: "SanbaoCore", targets: ["SanbaoCore"]),
        .library(name: "SanbaoStore", targets: ["SanbaoStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "SanbaoCore"),
        .target(name: "SanbaoStore", dependencies: ["SanbaoCore"]),
        .target(name: "SanbaoTUI", dependencies: ["SanbaoStore", "SanbaoCore", "CNcursesw"]),
        .executableTarget(
            name: "sanbao",
            dependencies: [
                "SanbaoTUI", "SanbaoStore", "SanbaoCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SanbaoCoreTests", dependencies: ["SanbaoCore"]),
        .testTarget(name: "SanbaoStoreTests", dependencies: ["SanbaoStore", "SanbaoCore"]),
        .testTarget(name: "SanbaoTUITests", dependencies: ["SanbaoTUI", "SanbaoStore", "SanbaoCore"], exclude: ["Snapshots"]),
        .testTarget(name: "SanbaoCLITests", dependencies: ["SanbaoCore", "SanbaoStore"]),
    ]
)
