# syntax=docker/dockerfile:1
# The one image of web, worker and beat (docker-compose.yml). Stage 1 builds the front-end assets
# (GOV.UK Frontend CSS and scripts); stage 2 is the Python app, run as a non-root user.

FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY static ./static
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=oversight.settings \
    STATIC_ROOT=/app/staticfiles \
    PRIVATE_MEDIA_ROOT=/data/private

# Pango, HarfBuzz and fonts for WeasyPrint's PDFs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
        fonts-liberation fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --create-home --uid 10001 oversight
WORKDIR /app
COPY . .
COPY --from=assets /app/static/vendor ./static/vendor
# Editable, so that the settings' BASE_DIR is /app, where templates/ and static/ are.
RUN pip install -e . \
    && mkdir -p "$STATIC_ROOT" "$PRIVATE_MEDIA_ROOT" \
    && chown oversight:oversight "$STATIC_ROOT" "$PRIVATE_MEDIA_ROOT"

USER oversight
EXPOSE 8000
# Workers, bind address and logging: gunicorn.conf.py (one sync worker per core, no access log).
CMD ["gunicorn", "oversight.wsgi"]
