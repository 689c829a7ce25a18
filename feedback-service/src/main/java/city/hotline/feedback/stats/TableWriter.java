package city.hotline.feedback.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table as CSV (UTF-8 with a byte-order mark, so Excel shows the Chinese) or as .xlsx, a row
 * at a time. In CSV, text that a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) is
 * written as text.
 */
abstract class TableWriter implements AutoCloseable {
  enum Format {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    final String contentType;
    final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }
  }

  static TableWriter open(Format format, OutputStream out, String sheetName, List<String> header) {
    TableWriter writer = format == Format.CSV ? new Csv(out) : new Xlsx(out, sheetName);
    writer.header(header);
    return writer;
  }

  abstract void header(List<String> names);

  /**
   * A further table after the first: in CSV a blank line, its title and its header; in .xlsx on the sheet named
   * (a new sheet the first time), under its title, a blank row apart from a table before it on that sheet.
   */
  abstract void section(String sheetName, String title, List<String> header);

  /** Cells are strings, numbers (written as numbers) or null (empty). */
  abstract void row(List<?> cells);

  @Override
  public abstract void close();

  private static final class Csv extends TableWriter {
    private final Writer writer;

    Csv(OutputStream out) {
      this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      write("\uFEFF");
    }

    @Override
    void header(List<String> names) {
      row(names);
    }

    @Override
    void row(List<?> cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          line.append(',');
        }
        Object cell = cells.get(i);
        line.append(cell == null ? "" : cell instanceof Number ? cell.toString() : quote(defused(cell.toString())));
      }
      write(line.append("\r\n").toString());
    }

    @Override
    void section(String sheetName, String title, List<String> header) {
      write("\r\n");
      row(List.of(title));
      row(header);
    }

    private static String quote(String text) {
      return text.matches(".*[\",\r\n].*") || text.isEmpty() ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private void write(String text) {
      try {
        writer.write(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        writer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Xlsx extends TableWriter {
    private static final int WINDOW = 200;
    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle bold;
    private SXSSFSheet sheet;
    private int next;

    Xlsx(OutputStream out, String sheetName) {
      this.out = out;
      this.sheet = workbook.createSheet(sheetName);
      this.bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
    }

    @Override
    void header(List<String> names) {
      boldRow(names);
      sheet.createFreezePane(0, 1);
    }

    @Override
    void section(String sheetName, String title, List<String> header) {
      if (sheetName.equals(sheet.getSheetName())) {
        next++;
      } else {
        sheet = workbook.createSheet(sheetName);
        next = 0;
      }
      boldRow(List.of(title));
      boldRow(header);
    }

    private void boldRow(List<String> names) {
      Row row = sheet.createRow(next++);
      for (int i = 0; i < names.size(); i++) {
        Cell cell = row.createCell(i);
        cell.setCellValue(names.get(i));
        cell.setCellStyle(bold);
        int width = Math.max(10, names.get(i).length() * 2 + 4) * 256;
        sheet.setColumnWidth(i, Math.max(sheet.getColumnWidth(i), width)); // as wide as the widest of its headers
      }
    }

    @Override
    void row(List<?> cells) {
      Row row = sheet.createRow(next++);
      for (int i = 0; i < cells.size(); i++) {
        Object value = cells.get(i);
        if (value instanceof Number n) {
          row.createCell(i).setCellValue(n.doubleValue());
        } else if (value != null) {
          row.createCell(i).setCellValue(value.toString()); // a string cell of .xlsx is never a formula
        }
      }
    }

    @Override
    public void close() {
      try (workbook) {
        workbook.write(out);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * A leading =, +, - or @ would make a spreadsheet run the text as a formula, and so may a leading tab or carriage
   * return before one (OWASP's CSV injection list): a quote first keeps it text.
   */
  static String defused(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
