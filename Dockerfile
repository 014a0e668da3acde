# Build a static mitra binary and ship it on a minimal base image.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=$(git describe --always --dirty 2>/dev/null || echo dev)" -o /mitra ./cmd/mitra

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /mitra /mitra
EXPOSE 8080
ENTRYPOINT ["/mitra"]
CMD ["serve"]
