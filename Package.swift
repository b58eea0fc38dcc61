// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "planq",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PlanQ", targets: ["PlanQ"]),
        .executable(name: "planq", targets: ["planq"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // xlsx workbooks are zip archives.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Test-only: SQLite as the reference engine for differential testing.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .target(
            name: "PlanQ",
            dependencies: [
                "CLibXML2",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/PlanQ"
        ),
        // libxml2's HTML parser (Debian: libxml2-dev), for HTML committee pages.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // GNU readline (Debian: libreadline-dev), for the interactive shell.
        .systemLibrary(
            name: "CReadline",
            path: "Sources/CReadline"
        ),
        .target(
            name: "PlanQShell",
            dependencies: ["PlanQ", "CReadline"],
            path: "Sources/PlanQShell"
        ),
        .executableTarget(
            name: "planq",
            dependencies: [
                "PlanQ",
                "PlanQShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/planq"
        ),
        .testTarget(
            name: "PlanQTests",
            dependencies: ["PlanQ", "PlanQShell", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/PlanQTests"
        ),
    ],
    swiftLanguageModes: [.v5]
)
