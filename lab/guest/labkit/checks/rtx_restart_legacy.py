"""`faults: ["rtx-restart"]` in first-generation scenario.json files means the restart-rtx check."""
from . import restart_rtx

NAME = "rtx-restart"
run = restart_rtx.run
