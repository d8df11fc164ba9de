package io.promethios.governance.examples.cli;

import io.promethios.governance.core.audit.AuditVerification;
import io.promethios.governance.core.audit.AuditVerifier;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code verify-audit FILE [--anchor SESSION=HASH ...]}. */
final class VerifyAuditCommand implements PromethiosCli.Command {

    @Override
    public String summary() {
        return "verify-audit FILE [--anchor SESSION=HASH]...: check a JSON-lines audit chain; exit 1 naming the first broken record";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Path file = null;
        Map<String, String> anchors = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--anchor")) {
                if (i + 1 >= args.size() || !args.get(i + 1).contains("=")) {
                    throw new PromethiosCli.UsageException("--anchor needs SESSION=HASH");
                }
                String[] kv = args.get(++i).split("=", 2);
                anchors.put(kv[0], kv[1]);
            } else if (a.startsWith("-")) {
                throw new PromethiosCli.UsageException("unknown option " + a);
            } else if (file == null) {
                file = Path.of(a);
            } else {
                throw new PromethiosCli.UsageException("only one FILE, but got another: " + a);
            }
        }
        if (file == null) {
            throw new PromethiosCli.UsageException("missing FILE");
        }
        if (!Files.isRegularFile(file)) {
            throw new PromethiosCli.UsageException("no such file: " + file);
        }
        AuditVerification v = AuditVerifier.verifyFile(file, anchors);
        (v.intact() ? out : err).println(file + ": " + v.describe());
        return v.intact() ? 0 : 1;
    }
}
