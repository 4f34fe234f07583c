package org.mmccycle.cycle.planted;

import org.mmccycle.notify.planted.PlantedCycleEnd;

/** A planted violation that ArchitectureTest must catch: cycle → notify → cycle. Never used. */
public class PlantedCycleStart {

  PlantedCycleEnd next;
}
