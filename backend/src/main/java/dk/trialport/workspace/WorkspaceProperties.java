package dk.trialport.workspace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the workspace ({@code trialport.workspace.*}).
 *
 * @param nudgeSchedule when the teams of stale trials are reminded (a cron expression; every morning by default;
 *     each team at most once a month per trial)
 */
@ConfigurationProperties("trialport.workspace")
public record WorkspaceProperties(
        @DefaultValue("0 0 7 * * *") String nudgeSchedule) {}
