"""The interop lab's guest-side library (runs inside the lab guest). See lab/README.md."""
