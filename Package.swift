// swift-tools-version: 6.1
import PackageDescription

/// airudder-sim: stands in for AIRudder's workflow call-completion webhook.
/// The default build takes no package beyond the toolchain (Foundation, Dispatch, Glibc).
let package = Package(
  name: "airudder-sim",
  products: [
    .executable(name: "airudder-sim", targets: ["airudder-sim"]),
    .library(name: "AIRudderSim", targets: ["AIRudderSim"]),
  ],
  targets: [
    /// All logic: scenario, generation, signing, delivery, reporting, receiver, command line.
    .target(name: "AIRudderSim", dependencies: ["CLinuxEvents"]),
    /// epoll and eventfd, which the toolchain's Glibc module does not export (a header only).
    .target(name: "CLinuxEvents"),
    /// Thin entry point: hands the arguments to the library and exits with its code.
    .executableTarget(name: "airudder-sim", dependencies: ["AIRudderSim"]),
    /// Benchmarks built in release mode by the scripts in `benchmarks/`.
    .executableTarget(name: "airudder-sim-bench", dependencies: ["AIRudderSim"]),
    /// Golden files and fixtures are read from the source tree (see TestSupport.swift).
    .testTarget(name: "AIRudderSimTests", dependencies: ["AIRudderSim"], exclude: ["Golden", "Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
