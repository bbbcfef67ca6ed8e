package com.acme.shop

import android.app.Activity
import android.os.Bundle
import com.razorpay.Checkout
import org.json.JSONObject

class CheckoutActivity : Activity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val checkout = Checkout()
        checkout.setKeyID("rzp_live_x46U9nla6uZt0a")
        val options = JSONObject()
        options.put("name", "Acme Shop")
        options.put("currency", "INR")
        options.put("amount", intent.getLongExtra("amount", 0L))
        checkout.open(this, options)
    }
}
