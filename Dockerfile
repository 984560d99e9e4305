# pitwall container: build with Maven, run on a JRE as a non-root user.
#   docker build -t pitwall .
#   docker run --rm -e OPENROUTER_API_KEY -v "$PWD/results:/work/results" pitwall run cap-theorem
#   docker run --rm --entrypoint /opt/pitwall/nightly.sh -v "$PWD/results:/work/results" pitwall
# Used by deploy/k8s/*.yaml and usable from the GitHub Actions workflows.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first: this layer is reused until pom.xml changes.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY benchmarks benchmarks
RUN mvn -B -q -DskipTests package \
 && cp "$(ls target/pitwall-*.jar | grep -v original | head -n 1)" /pitwall.jar

FROM eclipse-temurin:17-jre
# Charts need fontconfig and a font in a headless JRE ("Fontconfig head is null" otherwise).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --user-group --create-home --home-dir /home/pitwall pitwall \
 && mkdir -p /work/results \
 && chown -R 10001:10001 /work
COPY --from=build /pitwall.jar /opt/pitwall/pitwall.jar
COPY --chown=10001:10001 benchmarks /work/benchmarks
COPY scripts/nightly.sh /opt/pitwall/nightly.sh
WORKDIR /work
USER 10001:10001
ENV PITWALL_HOME=/work
ENV JAVA_TOOL_OPTIONS="-Djava.awt.headless=true -XX:MaxRAMPercentage=75"
VOLUME ["/work/results"]
ENTRYPOINT ["java", "-jar", "/opt/pitwall/pitwall.jar"]
CMD ["--help"]
