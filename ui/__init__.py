"""Pure helpers for the Streamlit pages: no Streamlit import here either, so they test fast."""
