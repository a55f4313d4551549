package dev.faultline.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.temporal.CampaignOrdering;
import dev.faultline.temporal.CampaignRequest;
import dev.faultline.temporal.CampaignStop;
import dev.faultline.temporal.RunRequest;
import dev.faultline.temporal.RunTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A campaign file for {@code faultline submit --campaign} and {@code schedule create --campaign}:
 * <pre>{@code
 * {"name": "game-day", "targets": [{"account": "111122223333", "region": "us-east-1",
 *   "roleArn": "arn:aws:iam::111122223333:role/Fis"}], "perTargetLimit": 5, "globalLimit": 0,
 *  "ordering": "PARALLEL", "stopOn": ["REFUTED"]}
 * }</pre>
 *
 * @param name the campaign's name
 * @param targets the targets
 * @param perTargetLimit the cap per account and Region (0 for FIS's 5)
 * @param globalLimit the global cap (0 for none)
 * @param ordering PARALLEL, WAVES or SEQUENTIAL
 * @param stopOn REFUTED, REFUSED, FAILED
 */
record CampaignFile(String name, List<RunTarget> targets, int perTargetLimit, int globalLimit,
        CampaignOrdering ordering, Set<CampaignStop> stopOn) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Reads a campaign file.
     *
     * @param file the file
     * @return the campaign settings
     * @throws IllegalArgumentException saying what is wrong and where
     */
    static CampaignFile read(Path file) {
        try {
            return JSON.readValue(file.toFile(), CampaignFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a campaign file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The campaign of these settings over experiments.
     *
     * @param experiments the experiments
     * @return the campaign request
     * @throws IllegalArgumentException when a limit is out of range
     */
    CampaignRequest over(List<RunRequest> experiments) {
        return new CampaignRequest(name, experiments, targets, perTargetLimit, globalLimit, ordering, stopOn);
    }
}
