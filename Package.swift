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
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Test-only: SQLite as the reference engine for differential testing.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .target(
            name: "PlanQ",
            path: "Sources/PlanQ"
        ),
        .executableTarget(
            name: "planq",
            dependencies: [
                "PlanQ",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/planq"
        ),
        .testTarget(
            name: "PlanQTests",
            dependencies: ["PlanQ", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/PlanQTests"
        ),
    ],
    swiftLanguageModes: [.v5]
)
