package org.casetrack.views.topology;

import java.util.List;
import org.casetrack.avro.CompoundView;
import org.casetrack.avro.TimelineDay;
import org.casetrack.avro.UnrepatriatedView;
import org.casetrack.avro.VictimsPerCompoundView;
import org.casetrack.schemas.topics.Topic;
import org.casetrack.schemas.topics.Topics;

/** The view topics of one generation: view-&lt;name&gt;.g&lt;N&gt;, compacted. */
public record ViewTopics(int generation, Topic<VictimsPerCompoundView> victimsPerCompound, Topic<CompoundView> compounds,
                         Topic<UnrepatriatedView> unrepatriated, Topic<TimelineDay> timeline) {

    public static ViewTopics of(Topics topics, int generation) {
        return new ViewTopics(generation,
                topics.view("victims-per-compound", VictimsPerCompoundView.class, generation),
                topics.view("compounds", CompoundView.class, generation),
                topics.view("unrepatriated", UnrepatriatedView.class, generation),
                topics.view("timeline", TimelineDay.class, generation));
    }

    public List<Topic<?>> all() {
        return List.of(victimsPerCompound, compounds, unrepatriated, timeline);
    }
}
