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

// PostgreSQL (`planq --engine postgresql://...`, `planq ingest --out postgresql://...`) through
// postgres-nio, in a target of its own that only the planq executable and its own tests link, so
// the PlanQ library and the fuzz and sanitizer builds never compile SwiftNIO. For now it is built
// only with PLANQ_POSTGRES=1: postgres-nio brings SwiftNIO and two copies of BoringSSL (swift-nio-ssl,
// swift-crypto), and the target has not yet been through a complete build and test run here (see
// the README's PostgreSQL section). Without it, planq is built without --engine.
if Context.environment["PLANQ_POSTGRES"] == "1" {
    package.dependencies.append(.package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"))
    package.targets.append(.target(
        name: "PlanQPostgres",
        dependencies: ["PlanQ", .product(name: "PostgresNIO", package: "postgres-nio")],
        path: "Sources/PlanQPostgres"
    ))
    package.targets.append(.testTarget(
        name: "PlanQPostgresTests",
        dependencies: ["PlanQ", "PlanQPostgres"],
        path: "Tests/PlanQPostgresTests"
    ))
    for target in package.targets where target.name == "planq" {
        target.dependencies.append("PlanQPostgres")
    }
}
