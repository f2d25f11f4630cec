"""Run configuration: one explicit, validated model instead of loose keyword arguments."""
from __future__ import annotations

from datetime import date
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


class RunConfig(BaseModel):
    """How an extract or check run behaves. Unknown fields are an error, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reference_date: Optional[date] = Field(None, description="fallback date for relative expressions")
    jobs: int = Field(1, ge=1, le=64, description="worker processes")
    words: bool = Field(True, description="run word segmentation and the fact components")
    emit_words: bool = Field(False, description="write each sentence's words into the records")
