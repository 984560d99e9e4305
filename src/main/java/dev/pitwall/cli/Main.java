package dev.pitwall.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * pitwall's entry point, for {@code java -jar} and {@code mvn exec:java} alike. Under exec:java
 * (the pom passes {@code run} and {@code -Dpitwall.launcher=exec:java}) the suite comes from {@code
 * -Dsuite}; {@code System.exit} there is caught by the plugin's {@code blockSystemExit}, which
 * turns a non-zero code into a failed build.
 */
@Command(
    name = "pitwall",
    mixinStandardHelpOptions = true,
    versionProvider = BuildInfo.class,
    description = "JMH-style benchmarks of LLM APIs (OpenRouter and OpenAI-compatible servers).",
    subcommands = {RunCommand.class, SimulateCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = execute(args);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** Runs a command line and returns its exit code, without exiting: for tests and embedding. */
  public static int execute(String... args) {
    return execute(null, null, args);
  }

  /** As {@link #execute(String...)}, printing to the given writers (null: stdout, stderr). */
  public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    if (out != null) {
      cli.setOut(out);
    }
    if (err != null) {
      cli.setErr(err);
    }
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof UsageException) {
            cmd.getErr().println("pitwall: " + e.getMessage());
            return ExitCode.USAGE;
          }
          throw e;
        });
    cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
