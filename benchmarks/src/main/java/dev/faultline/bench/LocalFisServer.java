package dev.faultline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * The LocalFis side of {@link EngineConcurrencyRun}, in a JVM of its own so that its threads and
 * heap are not counted with the engine's: {@link LocalFisCells} (as many LocalFis instances as the
 * FIS quotas need, behind one endpoint) on a {@link SharedClock} (so both JVMs read one clock),
 * each with {@code instances} EC2 instances tagged {@code Role=Worker} and the alarm
 * {@value #ALARM} in state {@code OK}. Prints one line {@code endpoint=<url> alarm=<arn>} and serves until its
 * standard input ends.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.LocalFisServer 100 2026-11-27T14:00:00Z 1.5 251
 * }</pre>
 */
public final class LocalFisServer {

    /** The stop-condition alarm's name. */
    static final String ALARM = "bench-stop";

    private LocalFisServer() {}

    /**
     * Serves until standard input is closed.
     *
     * @param args the instances per cell, the shared clock's origin and factor, the number of cells
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: LocalFisServer INSTANCES ORIGIN FACTOR CELLS");
        }
        int instances = Integer.parseInt(args[0]);
        SharedClock clock = new SharedClock(Instant.parse(args[1]), Double.parseDouble(args[2]));
        int cells = Integer.parseInt(args[3]);
        try (LocalFisCells fis = new LocalFisCells(cells, instances, clock, ALARM)) {
            System.out.println("endpoint=" + fis.endpoint() + " alarm=" + fis.alarmArn(ALARM));
            System.out.flush();
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // serve until the parent closes our standard input (or dies)
            }
        }
    }
}
