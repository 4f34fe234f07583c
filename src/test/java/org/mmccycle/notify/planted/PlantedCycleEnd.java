package org.mmccycle.notify.planted;

import org.mmccycle.cycle.planted.PlantedCycleStart;

/** A planted violation that ArchitectureTest must catch: notify → cycle → notify. Never used. */
public class PlantedCycleEnd {

  PlantedCycleStart back;
}
