package org.casetrack.views.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casetrack.views.domain.Suppression.Mark;
import org.casetrack.views.domain.Suppression.Table;
import org.junit.jupiter.api.Test;

/** The suppression plan on small tables, where the expected marks can be worked out by hand. */
class SuppressionTest {

    private static Map<String, Mark> plan(Map<String, Integer> values, List<Table> tables) {
        return Suppression.plan(values, Set.of(), tables, List.of(), List.of(), 5);
    }

    @Test
    void countsUnderTheThresholdAreSmallAndZerosStayExact() {
        Map<String, Mark> marks = plan(Map.of("a", 0, "b", 4, "c", 5), List.of());

        assertThat(marks).containsEntry("a", Mark.EXACT).containsEntry("b", Mark.SMALL).containsEntry("c", Mark.EXACT);
    }

    @Test
    void aSingleSmallCellOfATableTakesTheNextSmallestCellWithIt() {
        Map<String, Mark> marks = plan(Map.of("all", 33, "TH", 3, "VN", 10, "LA", 20),
                List.of(new Table("all", List.of("TH", "VN", "LA"))));

        assertThat(marks).containsEntry("TH", Mark.SMALL).containsEntry("VN", Mark.COMPLEMENT)
                .containsEntry("LA", Mark.EXACT).containsEntry("all", Mark.EXACT);
    }

    @Test
    void twoSmallCellsThatCouldOnlyBeOnesAreProtectedByAThirdCell() {
        // 1 + 1 = 2 with both at least 1 would give both away
        Map<String, Mark> marks = plan(Map.of("all", 42, "TH", 1, "VN", 1, "LA", 40),
                List.of(new Table("all", List.of("TH", "VN", "LA"))));

        assertThat(marks).containsEntry("TH", Mark.SMALL).containsEntry("VN", Mark.SMALL).containsEntry("LA", Mark.COMPLEMENT);
    }

    @Test
    void twoSmallCellsWithRoomBetweenThemNeedNoComplement() {
        Map<String, Mark> marks = plan(Map.of("all", 45, "TH", 2, "VN", 3, "LA", 40),
                List.of(new Table("all", List.of("TH", "VN", "LA"))));

        assertThat(marks).containsEntry("LA", Mark.EXACT).containsEntry("all", Mark.EXACT);
    }

    @Test
    void aSmallTotalSuppressesItsWholeTableZerosIncluded() {
        Map<String, Mark> marks = plan(Map.of("all", 3, "TH", 3, "VN", 0),
                List.of(new Table("all", List.of("TH", "VN"))));

        assertThat(marks).containsEntry("all", Mark.SMALL).containsEntry("TH", Mark.SMALL).containsEntry("VN", Mark.SMALL);
    }

    @Test
    void aSuppressedCellSharedByTwoTablesIsProtectedInBoth() {
        // TH's 3 is a cell of the nationality table and of a compound table whose other cells are exact
        Map<String, Integer> values = Map.of("all", 30, "TH", 3, "VN", 27, "c1", 10, "c1-TH", 3, "c1-VN", 7);
        Map<String, Mark> marks = plan(values, List.of(new Table("all", List.of("TH", "VN")),
                new Table("c1", List.of("c1-TH", "c1-VN"))));

        assertThat(marks).containsEntry("VN", Mark.COMPLEMENT).containsEntry("c1-VN", Mark.COMPLEMENT);
    }
}
