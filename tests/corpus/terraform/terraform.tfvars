region              = "ap-south-1"
razorpay_key_secret = "6alBH2PURXSvIY9DChxQSZsr"
status_token        = "uGNaF6ro9LsfrPwi2Z1qiSLhBZ23NIdzsBp27hD5"
