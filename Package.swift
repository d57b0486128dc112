// swift-tools-version:6.0
import PackageDescription

// `KANSRIJK_FUZZ=1 swift build --product kansrijk-fuzz --scratch-path .build-fuzz` builds the libFuzzer
// targets of the parsers anonymous input reaches (issue 13, Fuzz/README.md); ordinary builds never see them.
let fuzzing = Context.environment["KANSRIJK_FUZZ"] == "1"
let coverage: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer"])] : []

let package = Package(
    name: "kansrijk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kansrijk", targets: ["kansrijk"]),
        .library(name: "KansrijkApp", targets: ["KansrijkApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        // HMAC for the second factor (TOTP); Vapor already builds it
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // Reading xlsx spreadsheets (issue 16, the social map import): unzip and the sheet XML
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder.git", from: "0.18.2"),
        // Operators' view (issue 17): counters and histograms, served as Prometheus text on /metrics
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "KansrijkApp",
            dependencies: [
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .target(name: "KansrijkSQLiteConfig"),
            ],
            swiftSettings: coverage
        ),
        .target(name: "KansrijkSQLiteConfig"),
        .executableTarget(
            name: "kansrijk",
            dependencies: [.target(name: "KansrijkApp")]
        ),
        .testTarget(
            name: "KansrijkAppTests",
            dependencies: [
                .target(name: "KansrijkApp"),
                .product(name: "VaporTesting", package: "vapor"),
            ],
            exclude: ["Fixtures"]
        ),
    ] + (fuzzing ? [
        .target(name: "KansrijkFuzzMain", path: "FuzzMain"),
        .executableTarget(
            name: "kansrijk-fuzz",
            dependencies: [.target(name: "KansrijkApp"), .target(name: "KansrijkFuzzMain"), .product(name: "Vapor", package: "vapor")],
            path: "Fuzz",
            exclude: ["README.md", "corpus"],
            swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
        ),
    ] : [])
)
