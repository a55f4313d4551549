package dev.faultline.cli;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Validator;
import dev.faultline.temporal.Connection;
import dev.faultline.temporal.GameDays;
import dev.faultline.temporal.RunRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline schedule create|list|pause|resume|delete}: game days as Temporal Schedules
 * that start a run or a campaign on cron expressions, never overlapping.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Game days: Temporal Schedules that start a run or a campaign on cron expressions (UTC),"
                + " skipping a fire while the previous one still runs. Needs a Temporal cluster (not temporal-dev).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:a template has an ERROR", "2:usage error, or Temporal refused or could not be reached"})
final class ScheduleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    TemporalOptions temporal;

    @Parameters(index = "0", paramLabel = "ACTION", description = "create, list, pause, resume or delete.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "The schedule's id (all but list).")
    String id;

    @Parameters(index = "2..*", paramLabel = "FILE", description = "create: the template files to run.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--cron", paramLabel = "EXPR", description = "create: a cron expression (five fields, UTC);"
            + " repeat for more.")
    List<String> cron = new ArrayList<>();

    @Option(names = "--campaign", paramLabel = "FILE", description = "create: run the files as this campaign.")
    Path campaign;

    @Option(names = "--note", paramLabel = "TEXT", description = "pause/resume: why.")
    String note;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("create", "list", "pause", "resume", "delete").contains(action)) {
            err.println("faultline schedule: unknown action " + action + "; use create, list, pause, resume or delete");
            return Faultline.USAGE;
        }
        if (!action.equals("list") && (id == null || id.isBlank())) {
            err.println("faultline schedule " + action + ": the schedule ID is missing");
            return Faultline.USAGE;
        }
        try (Connection connection = temporal.connect()) {
            GameDays gameDays = GameDays.of(connection.schedules(), temporal.taskQueue);
            switch (action) {
                case "list":
                    gameDays.list().forEach(w::println);
                    break;
                case "pause":
                    gameDays.pause(id, note);
                    w.println("Paused " + id);
                    break;
                case "resume":
                    gameDays.resume(id, note);
                    w.println("Resumed " + id);
                    break;
                case "delete":
                    gameDays.delete(id);
                    w.println("Deleted " + id);
                    break;
                default:
                    return create(w, err, gameDays);
            }
            w.flush();
            return Faultline.OK;
        } catch (IllegalArgumentException e) {
            err.println("faultline schedule: " + e.getMessage());
            return Faultline.USAGE;
        } catch (io.temporal.client.schedules.ScheduleException | io.grpc.StatusRuntimeException e) {
            err.println("faultline schedule " + action + ": " + e.getMessage());
            return Faultline.USAGE;
        }
    }

    private int create(PrintWriter w, PrintWriter err, GameDays gameDays) {
        if (files.isEmpty() || cron.isEmpty()) {
            err.println("faultline schedule create: give --cron EXPR and at least one template FILE");
            return Faultline.USAGE;
        }
        List<RunRequest> runs = new ArrayList<>();
        for (Path file : files) {
            Checked checked = Checked.read(file, Validator.standard(), err);
            if (checked.experiment().isEmpty()) {
                return checked.exitCode();
            }
            Experiment e = checked.experiment().get();
            runs.add(RunRequest.of(e.name().orElse(file.getFileName().toString()), TemplateJson.write(e)));
        }
        if (campaign != null) {
            gameDays.createCampaign(id, cron, CampaignFile.read(campaign).over(runs));
        } else if (runs.size() == 1) {
            gameDays.createRun(id, cron, runs.get(0));
        } else {
            err.println("faultline schedule create: several files need --campaign FILE");
            return Faultline.USAGE;
        }
        w.println("Created schedule " + id + " (" + String.join("; ", cron) + ", overlaps skipped)");
        w.flush();
        return Faultline.OK;
    }
}
