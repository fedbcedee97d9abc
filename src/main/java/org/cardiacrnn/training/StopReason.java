package org.cardiacrnn.training;

/** Why a training run ended. */
public enum StopReason { COMPLETED, EARLY_STOPPED, STOPPED, FAILED }
