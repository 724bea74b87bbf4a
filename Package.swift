// swift-tools-version: 6.0
// Sanbao (三保): a terminal app and CLI for village cadres tracking paired households against
// Gansu's six exit indicators. Dependencies point one way (docs/architecture.md):
// sanbao (executable) → SanbaoTUI → SanbaoStore, SanbaoExport, SanbaoIntake → SanbaoCore;
// the executable uses the store, export and intake directly too. ZIPFoundation reads
// workbooks (SanbaoIntake) and checks written ones (SanbaoExportTests); SanbaoExport zips
// its own and imports only the zlib module (CZlib) that ZIPFoundation brings on Linux.
// SanbaoSamples (the demo village and the scale generator) → SanbaoCore. swift-crypto seals
// bundles (SanbaoStore's Sealing/: ChaChaPoly, scrypt from CryptoExtras).
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
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "SanbaoCore"),
        .target(name: "SanbaoSamples", dependencies: ["SanbaoCore"]),
        .target(name: "SanbaoText", dependencies: ["SanbaoCore"]),
        .target(name: "SanbaoStore", dependencies: [
            "SanbaoCore", "SanbaoSamples",
            .product(name: "Crypto", package: "swift-crypto"), .product(name: "CryptoExtras", package: "swift-crypto"),
        ]),
        .target(name: "SanbaoExport", dependencies: ["SanbaoCore", "SanbaoText", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "SanbaoIntake", dependencies: ["SanbaoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "SanbaoTUI", dependencies: ["SanbaoStore", "SanbaoCore", "CNcursesw", "SanbaoExport", "SanbaoIntake", "SanbaoText"]),
        .executableTarget(
            name: "sanbao",
            dependencies: [
                "SanbaoTUI", "SanbaoStore", "SanbaoCore", "SanbaoExport", "SanbaoIntake", "SanbaoSamples", "SanbaoText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sanbao-bench", dependencies: ["SanbaoTUI", "SanbaoStore", "SanbaoCore", "SanbaoExport", "SanbaoSamples"], path: "Sources/SanbaoBench"),
        .testTarget(name: "SanbaoCoreTests", dependencies: ["SanbaoCore", "SanbaoSamples"]),
        .testTarget(name: "SanbaoSamplesTests", dependencies: ["SanbaoSamples", "SanbaoCore"]),
        .testTarget(name: "SanbaoStoreTests", dependencies: ["SanbaoStore", "SanbaoCore", "SanbaoSamples"]),
        .testTarget(name: "SanbaoTUITests", dependencies: ["SanbaoTUI", "SanbaoStore", "SanbaoCore", "SanbaoExport", "SanbaoSamples", "SanbaoText"], exclude: ["Snapshots"]),
        .testTarget(name: "SanbaoTextTests", dependencies: ["SanbaoText", "CNcursesw"]),
        .testTarget(name: "SanbaoCLITests", dependencies: ["SanbaoCore", "SanbaoStore"]),
        .testTarget(name: "SanbaoIntakeTests", dependencies: ["SanbaoIntake", "SanbaoCore"]),
        .testTarget(name: "SanbaoExportTests", dependencies: [
            "SanbaoExport", "SanbaoCore", "SanbaoSamples", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
    ]
)
