package dev.pitwall.cli;

import dev.pitwall.Target;
import dev.pitwall.TargetSession;
import dev.pitwall.UsageException;
import dev.pitwall.sim.SimulatorOptions;
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
    versionProvider = VersionProvider.class,
    description = "JMH-style benchmarks of LLM APIs (OpenRouter and OpenAI-compatible servers).",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      PlanCommand.class,
      SimulateCommand.class,
      ReportCommand.class,
      CompareCommand.class,
      TrendCommand.class,
      MergeCommand.class,
      ProvidersCommand.class,
      ModelsCommand.class,
      EndpointsCommand.class,
      CommandLine.HelpCommand.class
    })
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
    CommandLine cli = new CommandLine(new Main(), new CommandFactory());
    cli.setExecutionStrategy(Main::executeWithTarget);
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

  /**
   * The provider-landscape commands talk to a target: unless given {@code --base-url}, they get the
   * one {@code -Dtarget} / {@code OPENROUTER_API_KEY} select, the simulator included, started for
   * the command's duration.
   */
  private static int executeWithTarget(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult sub = parsed.subcommand();
    Object command = sub == null ? null : sub.commandSpec().userObject();
    if (!(command instanceof LandscapeCommand landscape) || sub.hasMatchedOption("--base-url")) {
      return new CommandLine.RunLast().execute(parsed);
    }
    Target target = Target.resolve(System.getProperty("target"), System.getenv());
    try (TargetSession session =
        TargetSession.open(target, SimulatorOptions.DEFAULT_SEED, System.getenv())) {
      landscape.setClientConfig(session.config());
      return new CommandLine.RunLast().execute(parsed);
    }
  }

  /** Creates commands, handing validate and plan the target -Dtarget selects. */
  private static final class CommandFactory implements CommandLine.IFactory {
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == PlanCommand.class || type == ValidateCommand.class) {
        return type.cast(
            type == PlanCommand.class
                ? new PlanCommand(SessionFacts::open)
                : new ValidateCommand(SessionFacts::open));
      }
      return fallback.create(type);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
