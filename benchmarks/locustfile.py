"""Simulated users of the web API for bench_web.py: each reads the dashboard's aggregates for a
period and category, and pages through records, with the analyst's token in AQYL_BENCH_TOKEN."""

import os
import random

from locust import HttpUser, between, task

PERIODS = ("2023H1", "2022H1")
CATEGORIES = ("faculty", "student", "researcher")


class Analyst(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.client.headers["Authorization"] = f"Token {os.environ['AQYL_BENCH_TOKEN']}"

    @task(3)
    def aggregates(self):
        self.client.get(f"/api/aggregates?period={random.choice(PERIODS)}&category={random.choice(CATEGORIES)}",
                        name="/api/aggregates")

    @task(1)
    def records(self):
        page = self.client.get(f"/api/records?period={random.choice(PERIODS)}&limit=50", name="/api/records").json()
        if page.get("next"):
            self.client.get(page["next"], name="/api/records (next page)")
