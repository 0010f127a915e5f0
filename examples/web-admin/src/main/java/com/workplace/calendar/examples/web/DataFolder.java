package com.workplace.calendar.examples.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The folder the application keeps its database in ({@code workplace.example.data-dir}, default
 * {@code .web-admin} in the current folder): created on start with a {@code .gitignore} that keeps
 * it out of version control, and the default {@code spring.datasource.url}, an H2 file in it,
 * unless the configuration names another database.
 */
final class DataFolder implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  static final String PROPERTY = "workplace.example.data-dir";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    Path folder = Path.of(environment.getProperty(PROPERTY, ".web-admin")).toAbsolutePath().normalize();
    try {
      Files.createDirectories(folder);
      Path ignore = folder.resolve(".gitignore");
      if (!Files.exists(ignore)) {
        Files.writeString(ignore, "# the web admin's database: local state, never committed\n*\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the data folder " + folder + " cannot be created; set " + PROPERTY, e);
    }
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "webAdminDataFolder",
                Map.of(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + folder.resolve("web-admin").toString().replace('\\', '/'))));
  }
}
