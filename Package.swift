// swift-tools-version: 6.1
import PackageDescription

/// airudder-sim: stands in for AIRudder's workflow call-completion webhook.
/// The default build takes no package beyond the toolchain (Foundation, Dispatch, Glibc,
/// Synchronization). One target per layer; the dependencies below are the only ones allowed,
/// and data flows one way: Scenario → Generation → Contract → Delivery → Reporting, with the
/// Receiver and the wire-level HTTP1 beside them (README, Development).
/// Release builds let the compiler inline across targets, as it did when all of this was one
/// module (the JSON writer and MD5 are called per byte and per Detail from other targets).
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
  name: "airudder-sim",
  products: [
    .executable(name: "airudder-sim", targets: ["airudder-sim"])
  ],
  targets: [
    /// epoll, eventfd and accept4, which the toolchain's Glibc module does not export.
    .target(name: "CLinuxEvents"),
    /// OpenSSL 3 loaded at run time (dlopen): the few calls TLS needs, declared by hand, so the
    /// build needs no OpenSSL headers.
    .target(name: "CTLSShim", linkerSettings: [.linkedLibrary("dl")]),
    /// Small pieces every layer shares: durations, UTC time, seeded random, the JSON byte
    /// writer, "did you mean", input and output errors, checked output files.
    .target(name: "Support", swiftSettings: crossModule),
    /// The webhook's contract: payload types and their JSON, MD5 and Sign, the validator.
    .target(name: "Contract", dependencies: ["Support"], swiftSettings: crossModule),
    /// Scenario files: the JSON5 reader, settings with defaults, errors with line:column.
    .target(name: "Scenario", dependencies: ["Contract", "Support"], swiftSettings: crossModule),
    /// The seeded dialer: contacts, calls, redials, batches of notifications.
    .target(name: "Generation", dependencies: ["Scenario", "Contract", "Support"], swiftSettings: crossModule),
    /// HTTP/1.1 on the wire, client and server, on epoll; TLS through CTLSShim.
    .target(name: "HTTP1", dependencies: ["CLinuxEvents", "CTLSShim", "Support"], swiftSettings: crossModule),
    /// Posting with AIRudder's retry policy: dispatcher, load models, transports.
    .target(name: "Delivery", dependencies: ["Generation", "Scenario", "Contract", "HTTP1", "Support"], swiftSettings: crossModule),
    /// The mock receiver: validation, faults, recording, counts.
    .target(name: "Receiver", dependencies: ["HTTP1", "Contract", "Scenario", "Support"], swiftSettings: crossModule),
    /// `check`: the conformance battery that judges a receiver, case by case, with evidence.
    .target(
      name: "Conformance", dependencies: ["Generation", "Scenario", "Contract", "HTTP1", "Support"], swiftSettings: crossModule),
    /// Accounting and reports: ledger, histogram, thresholds, journal, report.
    .target(name: "Reporting", dependencies: ["Delivery", "Receiver", "HTTP1", "Support"], swiftSettings: crossModule),
    /// The command line: each command, the run's orchestration, exit codes.
    .target(
      name: "AIRudderSimCLI",
      dependencies: [
        "Reporting", "Conformance", "Receiver", "Delivery", "HTTP1", "Generation", "Scenario", "Contract", "Support",
      ]),
    /// Thin entry point: hands the arguments to the command line and exits with its code.
    .executableTarget(name: "airudder-sim", dependencies: ["AIRudderSimCLI"]),
    /// Benchmarks built in release mode by the scripts in `benchmarks/`.
    .executableTarget(name: "airudder-sim-bench", dependencies: ["Delivery", "Generation", "Scenario", "Contract", "Support"]),
    /// Folders mirror the source targets. Golden files and fixtures are read from the source
    /// tree (see TestSupport.swift).
    .testTarget(
      name: "AIRudderSimTests",
      dependencies: [
        "AIRudderSimCLI", "Reporting", "Conformance", "Receiver", "Delivery", "HTTP1", "Generation", "Scenario", "Contract", "Support",
      ],
      exclude: ["Golden", "Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
