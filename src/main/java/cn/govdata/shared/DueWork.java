package cn.govdata.shared;

import java.util.List;

/**
 * What a module has waiting for a user. Each module implements it for its own work, so the workbench gathers
 * due items without knowing the modules and they stay independent of each other.
 */
public interface DueWork {

    /** The items due from the actor, or none; never fails for an actor without the role the work needs. */
    List<DueItem> dueFrom(Actor actor);
}
