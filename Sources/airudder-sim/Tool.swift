import AIRudderSimCLI
import Foundation

/// The executable: everything is in the library; this only hands over the arguments.
@main
enum AIRudderSimCommand {
  static func main() async {
    let code = await Tool.main(
      Array(CommandLine.arguments.dropFirst()), stdout: .standardOutput(), stderr: .standardError())
    exit(code)
  }
}
