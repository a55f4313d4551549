package dev.faultline.temporal;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleListDescription;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Game days: Temporal Schedules that start a campaign or a run on cron expressions, never
 * overlapping (a fire while the previous game day still runs is skipped), with pause and resume.
 * Each fire starts a new workflow whose id is the schedule id plus the fire time.
 *
 * <pre>{@code
 * GameDays gameDays = GameDays.of(ScheduleClient.newInstance(serviceStubs), "faultline");
 * gameDays.createCampaign("tuesday-game-day", List.of("0 14 * * TUE"), campaign);
 * gameDays.pause("tuesday-game-day", "release freeze");
 * }</pre>
 */
public final class GameDays {

    private final ScheduleClient schedules;
    private final String taskQueue;

    private GameDays(ScheduleClient schedules, String taskQueue) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
    }

    /**
     * Game days on a Temporal cluster, run by the workers of a task queue.
     *
     * @param schedules the schedule client
     * @param taskQueue the workers' task queue
     * @return the game days
     */
    public static GameDays of(ScheduleClient schedules, String taskQueue) {
        return new GameDays(schedules, taskQueue);
    }

    /**
     * Schedules a campaign.
     *
     * @param scheduleId the schedule's id
     * @param cron cron expressions (five fields, UTC), at least one
     * @param campaign the campaign each fire starts
     */
    public void createCampaign(String scheduleId, List<String> cron, CampaignRequest campaign) {
        create(scheduleId, definition(cron, CampaignWorkflow.class, scheduleId, campaign));
    }

    /**
     * Schedules a run.
     *
     * @param scheduleId the schedule's id
     * @param cron cron expressions (five fields, UTC), at least one
     * @param run the run each fire starts
     */
    public void createRun(String scheduleId, List<String> cron, RunRequest run) {
        create(scheduleId, definition(cron, ExperimentWorkflow.class, scheduleId, run));
    }

    /**
     * The schedule a campaign or a run gets: its cron spec, the workflow it starts, and the
     * policy (skip a fire that would overlap a running one; a paused schedule does nothing).
     *
     * @param cron the cron expressions
     * @param workflow {@link CampaignWorkflow} or {@link ExperimentWorkflow}
     * @param scheduleId the schedule id (the started workflows' id prefix)
     * @param argument the workflow's input
     * @return the schedule
     */
    Schedule definition(List<String> cron, Class<?> workflow, String scheduleId, Object argument) {
        Objects.requireNonNull(cron, "cron");
        if (cron.isEmpty() || cron.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new IllegalArgumentException("A game day needs at least one cron expression, e.g. \"0 14 * * TUE\"");
        }
        for (String c : cron) {
            if (c.trim().split("\\s+").length != 5) {
                throw new IllegalArgumentException("cron expression \"" + c
                        + "\" must have five fields (minute hour day-of-month month day-of-week), e.g. \"0 14 * * TUE\"");
            }
        }
        WorkflowOptions options = WorkflowOptions.newBuilder().setWorkflowId(scheduleId).setTaskQueue(taskQueue)
                .build();
        return Schedule.newBuilder()
                .setAction(ScheduleActionStartWorkflow.newBuilder()
                        .setWorkflowType(workflow)
                        .setArguments(argument)
                        .setOptions(options)
                        .build())
                .setSpec(ScheduleSpec.newBuilder().setCronExpressions(List.copyOf(cron)).build())
                .setPolicy(SchedulePolicy.newBuilder()
                        .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                        .build())
                .setState(ScheduleState.newBuilder().setPaused(false).build())
                .build();
    }

    private void create(String scheduleId, Schedule schedule) {
        schedules.createSchedule(Objects.requireNonNull(scheduleId, "scheduleId"), schedule,
                ScheduleOptions.newBuilder().build());
    }

    /**
     * Lists the schedules: id, paused or active, next fire times.
     *
     * @return one line per schedule
     */
    public List<String> list() {
        List<String> lines = new ArrayList<>();
        try (var stream = schedules.listSchedules()) {
            for (ScheduleListDescription d : stream.collect(Collectors.toList())) {
                boolean paused = d.getSchedule() != null && d.getSchedule().getState() != null
                        && d.getSchedule().getState().isPaused();
                String next = d.getInfo() == null ? "" : d.getInfo().getNextActionTimes().stream().limit(2)
                        .map(Object::toString).collect(Collectors.joining(", "));
                lines.add(d.getScheduleId() + (paused ? " paused" : " active") + (next.isEmpty() ? "" : " next " + next));
            }
        }
        return lines;
    }

    /**
     * Describes one schedule.
     *
     * @param scheduleId the id
     * @return Temporal's description (spec, state, recent and next actions)
     */
    public ScheduleDescription describe(String scheduleId) {
        return schedules.getHandle(scheduleId).describe();
    }

    /**
     * Pauses a schedule: it fires no more until resumed.
     *
     * @param scheduleId the id
     * @param note why, shown with the schedule
     */
    public void pause(String scheduleId, String note) {
        schedules.getHandle(scheduleId).pause(note == null ? "paused by faultline" : note);
    }

    /**
     * Resumes a paused schedule.
     *
     * @param scheduleId the id
     * @param note why
     */
    public void resume(String scheduleId, String note) {
        schedules.getHandle(scheduleId).unpause(note == null ? "resumed by faultline" : note);
    }

    /**
     * Deletes a schedule (workflows it started go on).
     *
     * @param scheduleId the id
     */
    public void delete(String scheduleId) {
        schedules.getHandle(scheduleId).delete();
    }
}
