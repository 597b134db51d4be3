package io.uvac.launcher;

import io.uvac.launcher.demo.DemoCommand;
import io.uvac.launcher.run.RunCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code uva_container}: no arguments runs the demo; {@code run} runs a general container. */
@Command(name = "uva_container", mixinStandardHelpOptions = true, version = "uva_container 0.1.0",
        description = "Linux containers from the JVM, through uvac's FFM libraries.",
        subcommands = {DemoCommand.class, RunCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        // Reached only with options but no subcommand; plain `uva_container` goes to demoWithDefaults().
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        Trace.mark("main");
        Warmup.start();
        System.exit(args.length == 0 ? demoWithDefaults() : execute(args));
    }

    /**
     * Plain {@code uva_container}: the demo with its defaults, without building the command-line model (picocli
     * reflects over every command and option first, which is a large share of a cold start).
     */
    static int demoWithDefaults() {
        try {
            return new DemoCommand().call();
        } catch (Exception e) {
            return report(e, new PrintWriter(System.err, true));
        }
    }

    private static int report(Exception e, PrintWriter err) {
        if (e instanceof LauncherException le) {
            err.println("uva_container: " + le.getMessage());
            return le.exitCode();
        }
        if (e instanceof java.io.IOException || e instanceof IllegalArgumentException) {
            err.println("uva_container: " + e.getMessage());
            return LauncherException.EXIT_SETUP;
        }
        err.println("uva_container: internal error: " + e);
        e.printStackTrace(err);
        return LauncherException.EXIT_SETUP;
    }

    /** Runs a command line and returns the exit status (tests call this in-process). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // docker semantics: everything after the command's name belongs to the command (`run --rootfs r ls -l`).
        cli.getSubcommands().get("run").setStopAtPositional(true);
        cli.setParameterExceptionHandler((e, argv) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("uva_container: " + e.getMessage());
            err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return LauncherException.EXIT_SETUP;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd.getErr()));
        Trace.mark("command line model built");
        return cli.execute(args);
    }
}
