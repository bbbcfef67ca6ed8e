from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    app_name: str = "orders-service"
    database_url: str = "postgresql+asyncpg://postgres:postgres@localhost:5432/orders"
    razorpay_key_id: str = "rzp_live_K8mW2qPz7LcN4t"
    razorpay_key_secret: str = "hT9vQ2mXk4LpR7sW1nB6yD3f"
    razorpay_webhook_secret: str = ""
    jwt_algorithm: str = "HS256"
    access_token_expire_minutes: int = 30


@lru_cache
def get_settings() -> Settings:
    return Settings()
