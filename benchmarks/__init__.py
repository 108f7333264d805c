"""Benchmarks: throughput, memory and scaling of the pipeline against bare spaCy."""
