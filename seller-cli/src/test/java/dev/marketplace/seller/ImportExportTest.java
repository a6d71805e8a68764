package dev.marketplace.seller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Importing products by SKU from CSV (and JSON), idempotently, and exporting them back. */
class ImportExportTest extends CliTest {

  private static final String HEADER = "sku,name,category,description,price,stock,active\n";

  @Test
  void aBadLineIsNamedAndTheOthersAreImported() throws Exception {
    User seller = seller("Import Shop");
    Path file =
        csv(
            HEADER
                + "LAMP-1,Desk Lamp,Home,\"Brass, warm\",24.50,10,true\n"
                + "MUG-1,Mug,Kitchen,,4.00,-2,true\n"
                + "CHAIR-1,Chair,Home,\"Oak\nsturdy\",80,3,no\n"
                + "LAMP-1,Lamp again,Home,,1,1,\n"
                + "BAD SKU,Thing,Home,,1,1,\n");

    Run first = seller.run("products", "import", file.toString());

    assertThat(first.exit()).as(first.toString()).isEqualTo(1);
    assertThat(first.out())
        .containsPattern("2 +LAMP-1 +created")
        .containsPattern("3 +MUG-1 +failed +stock -2 must be a whole number from 0 to 1000000000")
        .containsPattern("4 +CHAIR-1 +created")
        .containsPattern("6 +LAMP-1 +failed +sku LAMP-1 is already on line 2")
        .containsPattern("7 +BAD SKU +failed +sku BAD SKU may have only letters")
        .contains("2 created, 0 updated, 0 unchanged, 3 failed");
    Run chair = seller.run("products", "list", "--status", "inactive", "-o", "csv");
    assertThat(chair.out()).contains("CHAIR-1,Chair,Home,80.00,3,inactive");
  }

  @Test
  void theSameFileTwiceChangesNothingTheSecondTime() throws Exception {
    User seller = seller("Twice Shop");
    StringBuilder lines = new StringBuilder(HEADER);
    for (int i = 1; i <= 120; i++) {
      lines
          .append("SKU-")
          .append(i)
          .append(",Product ")
          .append(i)
          .append(",Toys,,")
          .append(i)
          .append(".99,")
          .append(i)
          .append(",true\n");
    }
    Path file = csv(lines.toString());

    Run first = seller.run("products", "import", file.toString());
    Run second = seller.run("products", "import", file.toString());
    Run dryRun = seller.run("products", "import", "--dry-run", file.toString());

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(first.out()).contains("120 created, 0 updated, 0 unchanged, 0 failed");
    assertThat(second.exit()).isZero();
    assertThat(second.out()).contains("0 created, 0 updated, 120 unchanged, 0 failed");
    assertThat(dryRun.out())
        .contains("Dry run, nothing changed: 0 would create, 0 would update, 120 unchanged");

    Path changed =
        csv(
            lines.toString().replace("SKU-7,Product 7,Toys,,7.99,7", "SKU-7,Product 7,Toys,,6.99,7")
                + "NEW-1,New,Toys,,1,1,true\n");
    Run preview = seller.run("products", "import", "--dry-run", "-o", "json", changed.toString());
    assertThat(preview.out())
        .contains("\"dry_run\" : true")
        .contains("\"outcome\" : \"updated\"")
        .contains("\"outcome\" : \"created\"")
        .contains("\"created\" : 1")
        .contains("\"updated\" : 1");
    assertThat(seller.run("products", "list", "-o", "csv").out())
        .contains(",SKU-7,Product 7,Toys,7.99,7,active");
    Run applied = seller.run("products", "import", changed.toString(), "-o", "csv");
    assertThat(applied.out().lines()).contains("8,SKU-7,updated," + idOf(seller, "SKU-7") + ",");
  }

  @Test
  void exportWritesWhatImportReadsBack() throws Exception {
    User seller = seller("Export Shop");
    seller.run(
        "products",
        "import",
        csv(HEADER
                + "A-1,\"Quoted \"\"name\"\"\",Home,\"Line one\nline two\",9.90,4,true\nB-2,Bee,Garden,,1250,0,false\n")
            .toString());
    seller.addProduct("No Sku", "Home", "1", "1");
    Path csvFile = Files.createTempFile("export", ".csv");
    Path jsonFile = Files.createTempFile("export", ".json");

    Run csvExport = seller.run("products", "export", "--file", csvFile.toString());
    Run jsonExport = seller.run("products", "export", "-o", "json", "--file", jsonFile.toString());
    Run csvBack = seller.run("products", "import", csvFile.toString());
    Run jsonBack = seller.run("products", "import", jsonFile.toString());

    assertThat(csvExport.exit()).isZero();
    assertThat(Files.readString(csvFile))
        .startsWith(HEADER)
        .contains("A-1,\"Quoted \"\"name\"\"\",Home,\"Line one\nline two\",9.90,4,true")
        .contains("B-2,Bee,Garden,,1250.00,0,false");
    assertThat(csvExport.err()).contains("1 of them have no SKU");
    assertThat(Files.readString(jsonFile))
        .contains("\"sku\" : \"A-1\"")
        .contains("\"price\" : 9.90");
    // The product without a SKU cannot be matched: that line fails, the others are unchanged.
    assertThat(csvBack.out()).contains("0 created, 0 updated, 2 unchanged, 1 failed");
    assertThat(jsonBack.out()).contains("0 created, 0 updated, 2 unchanged, 1 failed");
  }

  @Test
  void filesThatAreNotImportFilesAreRefusedWhole() throws Exception {
    User seller = seller("Picky Shop");

    Run unknownColumn =
        seller.run(
            "products", "import", csv("sku,name,category,prise,stock\nA,B,C,1,1\n").toString());
    Run missingColumn = seller.run("products", "import", csv("sku,name\nA,B\n").toString());
    Run semicolons =
        seller.run(
            "products",
            "import",
            csv("\uFEFFsku;name;category;price;stock\nA;B;C;1;1\n").toString());
    Run missingFile = seller.run("products", "import", "/no/such/file.csv");
    Run notJson = seller.run("products", "import", csv("[{\"sku\": ").toString());
    Run nobody = newUser().run("products", "import", csv(HEADER).toString());

    assertThat(unknownColumn.exit()).isEqualTo(1);
    assertThat(unknownColumn.err()).contains("Line 1: unknown column \"prise\"");
    assertThat(missingColumn.err()).contains("the header lacks category, price, stock");
    assertThat(semicolons.err())
        .contains("Line 1: the columns must be separated by commas, not semicolons");
    assertThat(missingFile.exit()).isEqualTo(2);
    assertThat(notJson.exit()).isEqualTo(1);
    assertThat(nobody.exit()).isEqualTo(3);
    assertThat(seller.run("products", "list", "-o", "csv").out().lines()).hasSize(1);
  }

  private static long idOf(User seller, String sku) {
    return seller
        .run("products", "list", "-o", "csv")
        .out()
        .lines()
        .filter(line -> line.contains("," + sku + ","))
        .mapToLong(line -> Long.parseLong(line.split(",")[0]))
        .findFirst()
        .orElseThrow();
  }

  private static Path csv(String content) throws Exception {
    return Files.writeString(Files.createTempFile("products", ".csv"), content);
  }
}
