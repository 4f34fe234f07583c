package org.mmccycle.notify;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs of the notify feature (the weekly digest). */
@Configuration
@EnableScheduling
public class NotifyConfiguration {}
