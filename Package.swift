// swift-tools-version:6.0
import PackageDescription

/// Every command plugin that ships with opsbench: a folder under plugins/ and one entry here.
let pluginNames = ["Segment", "Recommend", "Forecast", "Route", "Ask"]

/// C targets a plugin needs beyond the common ones.
let pluginExtraDependencies: [String: [Target.Dependency]] = ["Segment": ["CKMeans"]]

let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v5)]

let package = Package(
    name: "opsbench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "opsbench", targets: ["opsbench"]),
        .library(name: "OpsKit", targets: ["OpsKit"]),
        .library(name: "OpsKitTesting", targets: ["OpsKitTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibedit", path: "Sources/CLibedit", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CKMeans", path: "Sources/CKMeans"),
        .target(name: "CChecksum", path: "Sources/CChecksum"),
        .target(
            name: "OpsKit",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            resources: [.copy("Text/Chinese/Resources")],
            swiftSettings: swiftSettings),
        // The test kit: plugin harness, CSV fixtures, the shared-data locator.
        .target(name: "OpsKitTesting", dependencies: ["OpsKit"], swiftSettings: swiftSettings),
        .target(
            name: "Workbench",
            dependencies: [
                "OpsKit", "CSQLite", "CChecksum", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "PluginCatalog",
            dependencies: ["OpsKit"] + pluginNames.map { .target(name: $0) },
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "opsbench",
            dependencies: [
                "Workbench", "PluginCatalog", "CLibedit", "OpsKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "OpsKitTests", dependencies: ["OpsKit"], swiftSettings: swiftSettings),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "OpsKit", "CChecksum"], swiftSettings: swiftSettings),
        .testTarget(
            name: "EndToEndTests", dependencies: ["Workbench", "PluginCatalog", "OpsKit", "OpsKitTesting"],
            swiftSettings: swiftSettings),
    ]
        + pluginNames.map { name in
            .target(
                name: name,
                dependencies: [
                    "OpsKit",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    .product(name: "Collections", package: "swift-collections"),
                ] + (pluginExtraDependencies[name] ?? []),
                path: "plugins/\(name)", resources: name == "Ask" ? [.copy("Resources")] : [], swiftSettings: swiftSettings)
        }
        + pluginNames.map { name in
            .testTarget(
                name: "\(name)Tests", dependencies: [.target(name: name), "OpsKit", "OpsKitTesting", "Workbench"],
                swiftSettings: swiftSettings)
        }
)
