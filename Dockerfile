# vitae in a container: build the static-enough binary, then ship it alone
# on a distroless base (glibc, no shell, no package manager).
#   docker build -t vitae .
#   docker run --rm -v "$PWD:/work" vitae render profiles/ --check

FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin vitae

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/vitae /usr/local/bin/vitae
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/vitae"]
CMD ["--help"]
