package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV export: text a spreadsheet would run as a formula is written as text (OWASP's CSV injection list). */
class TableWriterTest {
  @Test
  void textThatCouldStartAFormulaIsWrittenAsText() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TableWriter table = TableWriter.open(TableWriter.Format.CSV, out, "s", List.of("a"))) {
      table.row(List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "市民说 =1", -1));
    }
    String csv = new String(out.toByteArray(), StandardCharsets.UTF_8);
    assertThat(csv).isEqualTo("\uFEFFa\r\n'=1+1,'+1,'-1,'@SUM(A1),'\t=1+1,\"'\r=1+1\",市民说 =1,-1\r\n");
  }
}
