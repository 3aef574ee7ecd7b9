import Foundation

/// `--junit FILE`: JUnit XML as GitHub Actions, GitLab and Jenkins display it. One testsuite
/// per group, one testcase per case; a fail is a `<failure>` carrying the evidence, a warn or
/// an info is passed with its summary in `<system-out>`.
extension CheckResults {
  package var junitXML: String {
    let counts = counts
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"airudder-sim check\" tests=\"\(results.count + notRun.count)\" failures=\"\(counts[.fail] ?? 0)\""
    xml += " errors=\"0\" time=\"\(Self.seconds(seconds))\">\n"
    for group in CheckGroup.allCases {
      let cases = results.filter { $0.check.group == group }
      let skipped = notRun.filter { $0.group == group }
      guard !cases.isEmpty || !skipped.isEmpty else { continue }
      let failures = cases.filter { $0.outcome.verdict == .fail }.count
      let time = cases.reduce(0) { $0 + $1.seconds }
      xml += "  <testsuite name=\"\(Self.escaped(group.rawValue + ": " + group.title))\" tests=\"\(cases.count + skipped.count)\""
      xml += " failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped.count)\" time=\"\(Self.seconds(time))\">\n"
      for result in cases {
        xml += "    <testcase classname=\"airudder-sim.check.\(group.rawValue)\" name=\"\(Self.escaped(result.check.id))\""
        xml += " time=\"\(Self.seconds(result.seconds))\">\n"
        let outcome = result.outcome
        let evidence = outcome.evidence.map(Self.lines(of:)).joined()
        let detail = "\(result.check.title)\n\(outcome.summary)\n\(evidence)basis: \(result.check.basis)\n"
        switch outcome.verdict {
        case .fail:
          xml += "      <failure message=\"\(Self.escaped(outcome.summary))\" type=\"fail\">\(Self.escaped(detail))</failure>\n"
        case .warn, .info:
          xml += "      <system-out>\(Self.escaped(outcome.verdict.rawValue.uppercased() + ": " + detail))</system-out>\n"
        case .pass:
          xml += "      <system-out>\(Self.escaped(outcome.summary))</system-out>\n"
        }
        xml += "    </testcase>\n"
      }
      for check in skipped {
        xml +=
          "    <testcase classname=\"airudder-sim.check.\(group.rawValue)\" name=\"\(Self.escaped(check.id))\" time=\"0.000\">\n"
        xml += "      <skipped message=\"\(Self.escaped("not run: " + (stopped ?? "")))\"/>\n    </testcase>\n"
      }
      xml += "  </testsuite>\n"
    }
    return xml + "</testsuites>\n"
  }

  private static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }

  /// Text for XML: the five entities escaped, characters XML 1.0 forbids dropped.
  static func escaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }
}
