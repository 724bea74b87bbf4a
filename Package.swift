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
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "SanbaoCore"),
        .target(name: "SanbaoText", dependencies: ["SanbaoCore"]),
        .target(name: "SanbaoStore", dependencies: ["SanbaoCore"]),
        .target(name: "SanbaoExport", dependencies: ["SanbaoCore", "SanbaoText", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "SanbaoIntake", dependencies: ["SanbaoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "SanbaoTUI", dependencies: ["SanbaoStore", "SanbaoCore", "CNcursesw", "SanbaoExport", "SanbaoIntake", "SanbaoText"]),
        .executableTarget(
            name: "sanbao",
            dependencies: [
                "SanbaoTUI", "SanbaoStore", "SanbaoCore", "SanbaoExport", "SanbaoIntake", "SanbaoText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sanbao-bench", dependencies: ["SanbaoTUI", "SanbaoStore", "SanbaoCore", "SanbaoExport"], path: "Sources/SanbaoBench"),
        .testTarget(name: "SanbaoCoreTests", dependencies: ["SanbaoCore"]),
        .testTarget(name: "SanbaoStoreTests", dependencies: ["SanbaoStore", "SanbaoCore"]),
        .testTarget(name: "SanbaoTUITests", dependencies: ["SanbaoTUI", "SanbaoStore", "SanbaoCore", "SanbaoExport", "SanbaoText"], exclude: ["Snapshots"]),
        .testTarget(name: "SanbaoTextTests", dependencies: ["SanbaoText", "CNcursesw"]),
        .testTarget(name: "SanbaoCLITests", dependencies: ["SanbaoCore", "SanbaoStore"]),
        .testTarget(name: "SanbaoIntakeTests", dependencies: ["SanbaoIntake", "SanbaoCore"]),
        .testTarget(name: "SanbaoExportTests", dependencies: [
            "SanbaoExport", "SanbaoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
    ]
)
