package io.promethios.governance.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar promethios.jar [command] [options]}. Exit codes: 0 success, 1 the command ran
 * and found a problem (for example a broken audit chain), 2 bad arguments.
 */
public final class PromethiosCli {

    /** One subcommand. */
    interface Command {
        String summary();

        int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
    }

    static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    /** The signature of the static {@code run(args, out, err)} of the eval, trust and training commands. */
    @FunctionalInterface
    private interface Runner {
        int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
    }

    private static Command command(String summary, Runner runner) {
        return new Command() {
            @Override
            public String summary() {
                return summary;
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
                return runner.run(args, out, err);
            }
        };
    }

    static {
        COMMANDS.put("demo", new DemoCommand());
        COMMANDS.put("verify-audit", new VerifyAuditCommand());
        COMMANDS.put("eval", command("eval [--datasets DIR] | eval --detector NAME --file F [--text-field T] [--label-field L --positive V ...]\n"
                + "                 [--negatives] [--json]: precision, recall, F1 and false-positive rate of the detectors",
                io.promethios.governance.examples.eval.EvalCommand::run));
        COMMANDS.put("simulate-trust", command("simulate-trust [--seed N] [--users N] [--adversarial-share P] [--turns N] [--attack-rate P] [--risk-discount D] [--json]:\n"
                + "                 ROC AUC of user trust separating simulated adversarial from benign users (default 1000 users)",
                io.promethios.governance.examples.trust.SimulateTrustCommand::run));
        COMMANDS.put("train-models", command("train-models [--datasets DIR] [--out DIR]: retrain the built-in injection and harmful classifiers from the\n"
                + "                 tuning halves, print cross-validated figures, check they equal the built-in models",
                io.promethios.governance.examples.eval.TrainModelsCommand::run));
    }

    private PromethiosCli() {
    }

    public static void main(String[] args) {
        // route Hibernate Validator's jboss-logging through SLF4J (simplelogger.properties: WARN)
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        String name = "demo";
        if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
            name = rest.remove(0);
        } else if (!rest.isEmpty() && (rest.get(0).equals("--help") || rest.get(0).equals("-h"))) {
            out.print(usage());
            return 0;
        }
        if (name.equals("help")) {
            out.print(usage());
            return 0;
        }
        Command c = COMMANDS.get(name);
        if (c == null) {
            err.println("promethios: unknown command '" + name + "'");
            err.print(usage());
            return 2;
        }
        try {
            return c.run(rest, out, err);
        } catch (UsageException e) {
            err.println("promethios " + name + ": " + e.getMessage());
            err.print(usage());
            return 2;
        } catch (Exception e) {
            err.println("promethios " + name + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        StringBuilder b = new StringBuilder();
        b.append("Usage: java -jar promethios.jar [command] [options]\n\nCommands:\n");
        for (Map.Entry<String, Command> e : COMMANDS.entrySet()) {
            b.append(String.format("  %-14s %s%n", e.getKey(), e.getValue().summary()));
        }
        b.append("  help           this message\n\nWithout a command, runs the demo. Exit codes: 0 ok, 1 problem found, 2 bad arguments.\n");
        return b.toString();
    }

    /** Bad arguments: exit code 2 with the usage text. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
