package com.workplace.calendar.examples.admin;

import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.store.JdbcCalendarStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Opens the {@link JdbcCalendarStore} the tool keeps the SDK's state in. */
final class StoreFactory {
  private StoreFactory() {}

  /** An open store and the connection that keeps an embedded database open while the tool runs. */
  record OpenStore(JdbcCalendarStore store, Connection keeper, String description) implements AutoCloseable {
    @Override
    public void close() {
      try {
        keeper.close();
      } catch (SQLException e) {
        // closing is best effort; the process ends next
      }
    }
  }

  /**
   * Makes sure the data directory is a folder that can hold the default store, before H2 is asked
   * to open a file in it (H2 prints its own stack trace when it cannot).
   *
   * @param dataDir the {@code --data-dir}
   * @throws AdminException (configuration) naming the folder when it is not usable
   */
  static void prepareDataDir(Path dataDir) {
    Path folder = dataDir.toAbsolutePath().normalize();
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw AdminException.configuration(
          "--data-dir " + dataDir + " is a file, not a folder",
          "pass a folder for the tool's store with --data-dir (CALENDAR_ADMIN_DATA_DIR); it is created when"
              + " missing. Or name a database with --jdbc-url");
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw AdminException.configuration(
          "--data-dir " + dataDir + " cannot be created: " + ErrorReporter.describe(e),
          "pass a folder you can write to with --data-dir (CALENDAR_ADMIN_DATA_DIR), or name a database with"
              + " --jdbc-url",
          e);
    }
    if (!Files.isWritable(folder)) {
      throw AdminException.configuration(
          "--data-dir " + dataDir + " is not writable",
          "pass a folder you can write to with --data-dir (CALENDAR_ADMIN_DATA_DIR)");
    }
  }

  /** The default store of a target: an H2 file database in the data directory. */
  static String defaultUrl(Path dataDir, String target) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(target + "-store");
  }

  static OpenStore open(String url, String user, String password) {
    DataSource dataSource = new DriverManagerDataSource(url, user, password);
    String description = describe(url);
    Connection keeper;
    try {
      // one connection stays open, so an embedded database is not opened and closed per call
      keeper = dataSource.getConnection();
    } catch (SQLException e) {
      throw AdminException.configuration(
          "the store " + description + " cannot be opened: " + firstLine(e.getMessage()),
          hintFor(url, e),
          e);
    }
    try {
      return new OpenStore(JdbcCalendarStore.create(dataSource), keeper, description);
    } catch (CalendarSdkException | IllegalArgumentException | IllegalStateException e) {
      try {
        keeper.close();
      } catch (SQLException ignored) {
        // already failing
      }
      throw AdminException.configuration(
          "the store " + description + " cannot be used: " + firstLine(e.getMessage()),
          "use an H2 2.x or PostgreSQL 13+ database that this SDK version created or an empty one",
          e);
    }
  }

  private static String hintFor(String url, SQLException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("already in use") || message.contains("locked by another process")) {
      return "another calendar-admin (e.g. 'sync watch') is using this store; stop it, or pass"
          + " another --data-dir";
    }
    if (message.contains("no suitable driver")) {
      return "calendar-admin bundles the H2 and PostgreSQL drivers; use a jdbc:h2: or"
          + " jdbc:postgresql: URL";
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return "check the URL, that the database runs and accepts the user given by --jdbc-user /"
          + " CALENDAR_ADMIN_JDBC_USER and CALENDAR_ADMIN_JDBC_PASSWORD";
    }
    return "check --jdbc-url (CALENDAR_ADMIN_JDBC_URL) and that the folder is writable";
  }

  /** The URL without parameters, which may hold credentials. */
  static String describe(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int at = url.indexOf(c);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return url.substring(0, cut);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "(no message)";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }

  /** A data source over {@link DriverManager}: enough for a command-line tool. */
  private static final class DriverManagerDataSource implements DataSource {
    private final String url;
    private final String user;
    private final String password;

    DriverManagerDataSource(String url, String user, String password) {
      this.url = url;
      this.user = user;
      this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Properties properties = new Properties();
      if (user != null) {
        properties.setProperty("user", user);
      }
      if (password != null) {
        properties.setProperty("password", password);
      }
      return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
      return DriverManager.getConnection(url, username, pass);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
      DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
      return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return type.isInstance(this);
    }
  }
}
